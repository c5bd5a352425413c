from tests.personas import *  # noqa: F403  (the persona fixtures)
