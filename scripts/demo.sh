#!/bin/sh
# Boot the default demo guest.  The PC machine (SeaBIOS + Linux) does not
# exist yet, so this says so and fails.
echo "make demo: the PC machine cannot boot a guest yet (no CPU" \
     "accelerator and no 'pc' board); see README.md for status." >&2
exit 1
