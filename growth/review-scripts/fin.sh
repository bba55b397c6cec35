#!/bin/bash
# fin.sh KEY NAME PLAN_ID : copy reviewed draft, print minutes and hand fixes
set -e
cd /work/wt-growth
KEY=$1; NAME=$2; PLAN=$3
rm -rf growth/drafts/$PLAN; mkdir -p growth/drafts; cp -r /tmp/growth/$NAME growth/drafts/$PLAN
s=$(grep "^$KEY start" /tmp/growth/times | tail -1 | cut -d' ' -f3); e=$(grep "^$KEY stop" /tmp/growth/times | tail -1 | cut -d' ' -f3)
python3 -c "print(\"minutes: %.1f\" % (($e-$s)/60))"
python3 /tmp/growth/h.py /tmp/growth/$NAME.orig /tmp/growth/$NAME
