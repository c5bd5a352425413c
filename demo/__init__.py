"""The demo of the section (`manage.py demo`): a fictional but lawful year of the BTS NDRC of
the Lycée Gustave Eiffel, built through the services so that every record is a valid one."""
