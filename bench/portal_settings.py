"""Settings of the portal benchmark: production's, on loopback, with the benchmark's URLs.

Production settings read SECRET_KEY and ALLOWED_HOSTS from the environment (bench/portal.py sets
them); HTTPS redirects are off because the load generator speaks plain HTTP on 127.0.0.1.
"""

from config.settings.production import *  # noqa: F403

ROOT_URLCONF = "bench.portal_urls"
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
