"""``python -m carryxl`` runs the command line."""

import sys

from carryxl.cli import main

sys.exit(main())
