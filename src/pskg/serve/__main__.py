"""``python -m pskg.serve``: the endpoint without the rest of the command line."""
import sys

from pskg.serve.run import main

sys.exit(main())
