"""``python -m izmir_maps`` runs the command-line interface."""

import sys

from izmir_maps.cli import main

sys.exit(main())
