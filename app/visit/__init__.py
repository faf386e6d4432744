"""The VIP's visit around the queue ticket (issue 29): ``arrivals`` tells a VIP's relationship
manager that their customer has come in, lets them (or a branch manager) receive the customer,
and tells the branch manager when nobody has within the policy time. ``appointments`` books
customers ahead and checks them in; ``ratings`` takes the customer's rating after service on
the counter's customer window and turns an 不满意 into a complaint."""
