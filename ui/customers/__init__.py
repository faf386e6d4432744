"""Customers: the search-as-you-type list, the customer view (record and tabs), the record form,
import and export of the core-banking customer extract."""
