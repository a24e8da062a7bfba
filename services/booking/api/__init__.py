"""The booking engine's API for the app: offers, availability, book, look up, cancel.

The views are thin: `services.booking.logic` decides (it is the one write path) and
every refusal it raises becomes a problem+json answer of its own type, with the fields
at fault in `invalid_params` as the forms API names them.
"""
