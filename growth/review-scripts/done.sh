#!/bin/bash
# done.sh KEY FOLDER PLAN_ID TITLE_EN
cd /work/wt-growth
python3 /tmp/growth/reg.py "$2" "$3" "$4" >/dev/null || exit 1
IPP="env PYTHONPATH=$PWD/src /work/main/.venv/bin/python -m ipplans"
$IPP fix . | tail -3
out=$($IPP validate . | tail -1); echo "$out"
case "$out" in valid:*) echo "$1 stop $(date +%s)" >> /tmp/growth/times;; esac
