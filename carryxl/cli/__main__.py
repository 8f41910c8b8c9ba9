"""``python -m carryxl.cli``."""

import sys

from carryxl.cli import main

sys.exit(main())
