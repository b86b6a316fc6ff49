"""
``python -m antq`` runs the command line.
"""

import sys

from antq.cli import main

sys.exit(main())
