"""The REST API's routes (django-ninja) and the page of one's personal tokens."""
