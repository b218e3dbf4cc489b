// S3 request parameters, object keys and resources.
#include "RecordWriter.h"

#include "Format.h"
#include "RecordHelpers.h"

namespace sightline::bench {

using namespace detail;

void RecordWriter::objectKey(std::string &o, Rng &rng, BucketKind kind, std::int64_t t) const
{
    const fmt::Civil c = fmt::civilFromEpoch(t);
    auto ymd = [&](char sep) {
        fmt::appendPadded(o, static_cast<std::uint64_t>(c.year), 4);
        o += sep;
        fmt::appendTwo(o, c.month);
        o += sep;
        fmt::appendTwo(o, c.day);
    };
    switch (kind) {
    case BucketKind::Assets: {
        const std::uint32_t k = rng.below(3);
        if (k == 0) {
            o += "static/js/main.";
            fmt::appendHex(o, rng, 8);
            o += ".js";
        } else if (k == 1) {
            o += "static/css/app.";
            fmt::appendHex(o, rng, 8);
            o += ".css";
        } else {
            o += "images/products/";
            fmt::appendPadded(o, rng.below(1000000), 6);
            o += ".jpg";
        }
        return;
    }
    case BucketKind::Logs:
        o += "app/";
        ymd('/');
        o += '/';
        fmt::appendTwo(o, c.hour);
        o += "/app-";
        fmt::appendPadded(o, rng.below(100000), 5);
        o += ".json.gz";
        return;
    case BucketKind::Customer: {
        const std::uint32_t k = rng.below(3);
        if (k == 0) {
            o += "exports/customers/";
            fmt::appendPadded(o, static_cast<std::uint64_t>(c.year), 4);
            o += '-';
            fmt::appendTwo(o, c.month);
            o += "/customers-part-";
            fmt::appendPadded(o, 1 + rng.below(2000), 5);
            o += ".csv.gz";
        } else if (k == 1) {
            o += "invoices/";
            fmt::appendPadded(o, static_cast<std::uint64_t>(c.year), 4);
            o += '/';
            fmt::appendTwo(o, c.month);
            o += "/INV-";
            fmt::appendPadded(o, rng.below(1000000), 6);
            o += ".pdf";
        } else {
            o += "profiles/";
            fmt::appendUuid(o, rng);
            o += ".json";
        }
        return;
    }
    case BucketKind::Config: {
        static const char *const keys[] = {"app/production.yaml", "app/feature-flags.json",
                                           "nginx/nginx.conf", "app/logging.yaml",
                                           "app/certs/ca-bundle.pem"};
        o += pickOf(rng, keys);
        return;
    }
    case BucketKind::TfState: {
        static const char *const parts[] = {"network", "app", "data", "iam", "monitoring", "dns"};
        o += "env/";
        o += a_.purpose;
        o += '/';
        o += pickOf(rng, parts);
        o += "/terraform.tfstate";
        return;
    }
    case BucketKind::Backups:
        o += "db/";
        o += a_.purpose;
        o += "-db/";
        ymd('-');
        o += "/dump-";
        fmt::appendPadded(o, rng.below(10000), 4);
        o += ".sql.gz";
        return;
    case BucketKind::DataLake:
        o += "raw/events/dt=";
        ymd('-');
        o += "/hour=";
        fmt::appendTwo(o, c.hour);
        o += "/part-";
        fmt::appendPadded(o, rng.below(100000), 5);
        o += ".snappy.parquet";
        return;
    }
}

void RecordWriter::listPrefix(std::string &o, Rng &rng, BucketKind kind, std::int64_t t) const
{
    const fmt::Civil c = fmt::civilFromEpoch(t);
    switch (kind) {
    case BucketKind::Assets:
        o += rng.chance(0.5) ? "static/" : "images/products/";
        return;
    case BucketKind::Logs:
        o += "app/";
        fmt::appendPadded(o, static_cast<std::uint64_t>(c.year), 4);
        o += '/';
        fmt::appendTwo(o, c.month);
        o += '/';
        fmt::appendTwo(o, c.day);
        o += '/';
        return;
    case BucketKind::Customer:
        o += rng.chance(0.5) ? "exports/customers/" : "invoices/";
        return;
    case BucketKind::Config:
        o += "app/";
        return;
    case BucketKind::TfState:
        o += "env/";
        o += a_.purpose;
        o += '/';
        return;
    case BucketKind::Backups:
        o += "db/";
        o += a_.purpose;
        o += "-db/";
        return;
    case BucketKind::DataLake:
        o += "raw/events/dt=";
        fmt::appendPadded(o, static_cast<std::uint64_t>(c.year), 4);
        o += '-';
        fmt::appendTwo(o, c.month);
        o += '-';
        fmt::appendTwo(o, c.day);
        o += '/';
        return;
    }
}

void RecordWriter::s3Additional(std::string &o, Rng &rng, std::int64_t in, std::int64_t out,
                                bool tls12) const
{
    o +=
        tls12
            ? R"(,"additionalEventData":{"SignatureVersion":"SigV4","CipherSuite":"ECDHE-RSA-AES128-GCM-SHA256","bytesTransferredIn":)"
            : R"(,"additionalEventData":{"SignatureVersion":"SigV4","CipherSuite":"TLS_AES_128_GCM_SHA256","bytesTransferredIn":)";
    fmt::appendInt(o, in);
    o += R"(,"AuthenticationMethod":"AuthHeader","x-amz-id-2":")";
    fmt::appendBase64(o, rng, 75);
    o += R"(=","bytesTransferredOut":)";
    fmt::appendInt(o, out);
    o += '}';
}

void RecordWriter::s3Body(std::string &o, Rng &rng, const EventSpec &e)
{
    const bool ok = e.error == ErrorKind::None;
    if (e.api == Api::ListBuckets) {
        host_ = "s3.";
        host_ += r_.name;
        host_ += ".amazonaws.com";
        rp(o);
        o += R"({"Host":")";
        o += host_;
        o += R"("})";
        re(o);
        o += "null";
        s3Additional(o, rng, 0,
                     ok ? 180 + 96 * static_cast<std::int64_t>(a_.buckets.size()) + rng.below(40)
                        : 243,
                     e.tls12);
        return;
    }

    std::string_view bucket = e.args.bucket;
    BucketKind kind = BucketKind::Assets;
    if (bucket.empty()) {
        const Bucket *b = pickBucket(rng, e.principal);
        if (b != nullptr) {
            bucket = b->name;
            kind = b->kind;
        } else {
            bucket = a_.buckets[0].name;
        }
    } else {
        const int bi = a_.findBucket(bucket);
        if (bi >= 0)
            kind = a_.buckets[static_cast<std::size_t>(bi)].kind;
    }
    host_.assign(bucket);
    host_ += ".s3.";
    host_ += r_.name;
    host_ += ".amazonaws.com";

    auto bucketResource = [&](bool withAccount) {
        if (!res_.empty())
            res_ += ',';
        res_ += withAccount ? R"({"accountId":")" : "{";
        if (withAccount) {
            res_ += a_.id;
            res_ += R"(",)";
        }
        res_ += R"("type":"AWS::S3::Bucket","ARN":"arn:aws:s3:::)";
        res_ += bucket;
        res_ += R"("})";
    };

    switch (e.api) {
    case Api::GetBucketAcl:
    case Api::GetBucketPolicy:
    case Api::GetBucketLocation: {
        rp(o);
        o += R"({"bucketName":")";
        o += bucket;
        o += R"(","Host":")";
        o += host_;
        o += e.api == Api::GetBucketAcl      ? R"(","acl":""})"
             : e.api == Api::GetBucketPolicy ? R"(","policy":""})"
                                             : R"(","location":""})";
        re(o);
        o += "null";
        s3Additional(o, rng, 0, ok ? 300 + rng.below(1500) : 243, e.tls12);
        bucketResource(true);
        return;
    }
    case Api::ListObjects: {
        rp(o);
        o += R"({"list-type":"2","bucketName":")";
        o += bucket;
        o += R"(","encoding-type":"url","max-keys":"1000","prefix":")";
        if (e.args.prefix.data() != nullptr)
            o += e.args.prefix;
        else
            listPrefix(o, rng, kind, e.t);
        o += R"(","delimiter":"/","Host":")";
        o += host_;
        o += R"("})";
        re(o);
        o += "null";
        s3Additional(o, rng, 0, ok ? 600 + rng.below(60000) : 243, e.tls12);
        bucketResource(true);
        return;
    }
    default:
        break;
    }

    // Object-level calls.
    tmp_.clear();
    if (!e.args.key.empty())
        tmp_ += e.args.key;
    else
        objectKey(tmp_, rng, kind, e.t);
    std::int64_t size = e.args.bytes;
    if (size < 0) {
        switch (kind) {
        case BucketKind::Assets:
            size = logUniform(rng, 2e3, 5e5);
            break;
        case BucketKind::Logs:
            size = logUniform(rng, 1e4, 5e6);
            break;
        case BucketKind::Customer:
            size = logUniform(rng, 5e4, 2e7);
            break;
        case BucketKind::Config:
            size = logUniform(rng, 300, 8e3);
            break;
        case BucketKind::TfState:
            size = logUniform(rng, 5e3, 4e5);
            break;
        case BucketKind::Backups:
            size = logUniform(rng, 1e6, 2e9);
            break;
        case BucketKind::DataLake:
            size = logUniform(rng, 1e5, 1.28e8);
            break;
        }
    }
    rp(o);
    o += R"({"bucketName":")";
    o += bucket;
    o += R"(","Host":")";
    o += host_;
    o += R"(","key":")";
    o += tmp_;
    o += R"("})";
    re(o);
    if (e.api == Api::PutObject && ok)
        o += R"({"x-amz-server-side-encryption":"AES256"})";
    else
        o += "null";
    const bool reads = e.api == Api::GetObject;
    s3Additional(o, rng, e.api == Api::PutObject && ok ? size : 0, reads && ok ? size : 0, e.tls12);
    res_ += R"({"type":"AWS::S3::Object","ARN":"arn:aws:s3:::)";
    res_ += bucket;
    res_ += '/';
    res_ += tmp_;
    res_ += R"("})";
    bucketResource(true);
}

} // namespace sightline::bench
