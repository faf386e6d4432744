"""VIP cards: applications and their decisions, issuing, servicing, paperwork and card products."""
