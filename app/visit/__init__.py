"""The VIP's visit around the queue ticket (issue 29): ``arrivals`` tells a VIP's relationship
manager that their customer has come in, lets them (or a branch manager) receive the customer,
and tells the branch manager when nobody has within the policy time. ``appointments`` books
customers ahead and checks them in; ``ratings`` takes the customer's rating after service on
the counter's customer window and turns an 不满意 into a complaint."""

from app.surface import lazy_surface

# docs/architecture.md "Layers": services, the types they pass, errors; loaded on first use.
__all__, __getattr__, __dir__ = lazy_surface(__name__, {
    "appointments": ("AppointmentRow", "appointments_on", "book_appointment", "cancel_appointment",
                     "check_in", "import_appointments", "record_no_shows"),
    "arrivals": ("ArrivalRow", "arrivals_for", "lobby_arrivals", "receive_arrival"),
    "ratings": ("RatingRow", "RatingWindow", "complain_from_rating", "rating_of", "rating_window",
                "record_rating"),
})
