"""The VIP card screens: the counter workspace, the approvals inbox, card products and the customer tab."""
