"""Every customer has a tier row (``customer_tier``), made by the database as the customer is
inserted (a trigger installed by migration 0019), so that every writer of customers (the
services, the customer import, the demo builders, plain SQL) gets one without knowing of it:
:data:`FIRST_TIER` until an evaluation or an exception says otherwise."""

from __future__ import annotations

# The tier a customer is born with. The trigger cannot know which policy will be in force, so
# the rule runs the other way: app.tiers.rules refuses a policy whose lowest band is named
# otherwise (TierPolicy.validate; on PostgreSQL the tier policy guard too, migration 0037), and
# this constant is the one place the live code writes the name (the migrations that install the
# trigger and the guard carry their own copy of it, as of their revision).
FIRST_TIER = "ordinary"
