#!/bin/bash
cd /work/wt-growth
key=$1; folder=$2; src=$3; name=$4; plan=$5
echo "$key start $(date +%s)" >> /tmp/growth/times
cp tests/real_corpus/$folder/source.txt data/sources/$src.txt
env PYTHONPATH=$PWD/src /work/main/.venv/bin/python -m ipplans ingest data/sources/$src.txt --out /tmp/growth/$name --plan-id $plan 2>&1 | sed -n '2,4p;7,40p' | grep -v "^could not\|^wrote\|rule-based"
rm -rf /tmp/growth/$name.orig; cp -r /tmp/growth/$name /tmp/growth/$name.orig
for f in plans measures targets citations documents; do echo "== $f"; tail -n +2 /tmp/growth/$name/$f.csv | cut -c1-400; done
