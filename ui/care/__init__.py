"""The customer-care screens: worklist and complaints, assignment, dashboard, policy and the customer tab."""
