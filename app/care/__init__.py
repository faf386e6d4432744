"""Care and complaints, the relationship-manager side of the CRM.

``rules`` holds the pure rules (care policy, contact due dates, complaint deadlines, upcoming
dates, the complaint state machine); ``common`` the stored policy and scope lookups;
``assignment`` who looks after whom (one by one, by rule, hand-over, the unkept report);
``contacts`` contact records; ``complaints`` the complaint lifecycle and escalation;
``worklist`` a keeper's list for today; ``dashboard`` the branch manager's figures.
"""
