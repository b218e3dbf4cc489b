#!/usr/bin/env python3
"""Checks the output of sightline-gen-cloudtrail.

usage: check_cloudtrail.py DIR [--sample N] [--incident]

Parses a sample of the .json.gz files (all with --sample 0), checks the S3 delivery layout and
file names, that every record is valid JSON with the fields CloudTrail always writes, that
eventIDs are unique, and prints record counts and the mean compact record size. With
--incident it also checks the planted incident's key records (needs all files of the
incident account and day, so use it with --sample 0 on small outputs).
"""
import argparse
import collections
import glob
import gzip
import json
import os
import random
import re
import sys

NAME = re.compile(
    r"AWSLogs/(\d{12})/CloudTrail/([a-z0-9-]+)/(\d{4})/(\d{2})/(\d{2})/"
    r"\1_CloudTrail_\2_\3\4\5T\d{4}Z_[A-Za-z0-9]{16}\.json\.gz$")
REQUIRED = ("eventVersion", "userIdentity", "eventTime", "eventSource", "eventName", "awsRegion",
            "sourceIPAddress", "userAgent", "eventID", "readOnly", "eventType", "managementEvent",
            "recipientAccountId", "eventCategory")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("--sample", type=int, default=50)
    ap.add_argument("--incident", action="store_true")
    args = ap.parse_args()

    files = sorted(glob.glob(os.path.join(args.dir, "AWSLogs", "**", "*.json.gz"), recursive=True))
    if not files:
        sys.exit("no files")
    bad_names = [f for f in files if not NAME.search(f.replace(os.sep, "/"))]
    if bad_names:
        sys.exit("bad file name: " + bad_names[0])
    if args.sample and args.sample < len(files):
        files = random.Random(1).sample(files, args.sample)

    records, raw_bytes, problems = [], 0, []
    for f in files:
        raw = gzip.open(f).read()
        raw_bytes += len(raw)
        if b"\n" in raw.rstrip(b"\n"):
            problems.append(f + ": not one line")
        doc = json.loads(raw)
        for r in doc["Records"]:
            missing = [k for k in REQUIRED if k not in r]
            if missing:
                problems.append("%s: %s missing %s" % (f, r.get("eventID"), missing))
            records.append(r)
    ids = collections.Counter(r["eventID"] for r in records)
    dups = [k for k, v in ids.items() if v > 1]
    if dups:
        problems.append("duplicate eventIDs: %d" % len(dups))
    sizes = [len(json.dumps(r, separators=(",", ":"))) for r in records]
    print("files checked   %d" % len(files))
    print("records         %d" % len(records))
    print("raw bytes       %d (%.0f per record incl. wrapper)" % (raw_bytes, raw_bytes / len(records)))
    print("mean record     %.0f bytes compact JSON" % (sum(sizes) / len(sizes)))
    print("identity types  %s" % dict(collections.Counter(r["userIdentity"].get("type") for r in records)))
    print("failed calls    %.1f%%" % (100.0 * sum(1 for r in records if "errorCode" in r) / len(records)))

    if args.incident:
        by_name = collections.defaultdict(list)
        for r in records:
            by_name[r["eventName"]].append(r)

        def expect(cond, what):
            if not cond:
                problems.append("incident: " + what)

        expect(any(r["requestParameters"] == {"userName": "backup-svc"} and
                   r["userIdentity"].get("accessKeyId") == "AKIAZ7EXAMPLELEAK4QX" and
                   r["sourceIPAddress"] == "203.0.113.77" for r in by_name["CreateUser"]), "CreateUser")
        expect(any((r.get("responseElements") or {}).get("accessKey", {}).get("accessKeyId") ==
                   "AKIAZ7EXAMPLEBDOR2MN" for r in by_name["CreateAccessKey"]), "CreateAccessKey")
        expect(any((r.get("responseElements") or {}).get("credentials", {}).get("accessKeyId") ==
                   "ASIAZ7EXAMPLEADMN9QK" for r in by_name["AssumeRole"]), "AssumeRole")
        expect(any(r["userIdentity"].get("accessKeyId") == "ASIAZ7EXAMPLEADMN9QK"
                   for r in by_name["StopLogging"]), "StopLogging")
        expect(any(r["userIdentity"].get("accessKeyId") == "ASIAZ7EXAMPLEINST5VW" and
                   r["sourceIPAddress"] == "203.0.113.77" for r in by_name["GetCallerIdentity"]),
               "instance credentials used from 203.0.113.77")
        exfil = [r for r in by_name["GetObject"]
                 if r["userIdentity"].get("accessKeyId") == "ASIAZ7EXAMPLEADMN9QK"]
        expect(len(exfil) >= 100, "GetObject by backup-sync")
        print("incident        %d GetObject by prod-admin/backup-sync" % len(exfil))

    for p in problems[:20]:
        print("PROBLEM", p)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
