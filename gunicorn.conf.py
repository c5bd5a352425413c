"""gunicorn's settings for Stages in production (README, « Mise en production »).

    .venv/bin/gunicorn -c gunicorn.conf.py

The environment (/etc/stages.env) gives the application's settings as for `manage.py`;
GUNICORN_BIND and GUNICORN_WORKERS, if set, change the address and the number of processes.
"""

import os

wsgi_app = "stages.wsgi:application"
# Behind the front server, on the machine itself; `0.0.0.0:8000` when it is on another one.
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Synchronous processes: a page is a few database queries, a PDF is WeasyPrint's CPU work.
workers = int(os.environ.get("GUNICORN_WORKERS", str(2 * (os.cpu_count() or 1) + 1)))
# A convention's PDF is rendered during the request; batches go through the task queue.
timeout = 60
graceful_timeout = 30
# A process is replaced after so many requests, which bounds a slow leak.
max_requests = 1000
max_requests_jitter = 100
accesslog = "-"  # to systemd's journal
errorlog = "-"
