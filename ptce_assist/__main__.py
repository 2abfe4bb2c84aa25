import sys

from ptce_assist.cli import main

sys.exit(main())
