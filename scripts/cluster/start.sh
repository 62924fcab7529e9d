#!/usr/bin/env bash
# Starts the scale-out test cluster on loopback, all under one directory:
#   Ceph (one monitor, one OSD on memstore, radosgw as the S3 gateway; a manager with --mgr),
#   redis-server, two endpoint processes on @tus/s3-store + the Redis locker, and nginx in
#   front, round-robin. Writes DIR/cluster.env (ports, S3 endpoint, bucket, credentials file)
#   and prints what it started. scripts/cluster/stop.sh DIR stops exactly those processes.
# Usage: scripts/cluster/start.sh DIR [--mgr] [--timeout SECONDS]
# Needs Debian 12's ceph-mon ceph-osd radosgw ceph-common redis-server nginx-light
# (scripts/cluster/setup-debian.sh) and server/node_modules.
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
here="$top/scripts/cluster"

[ $# -ge 1 ] || { echo "usage: $0 DIR [--mgr] [--timeout SECONDS]" >&2; exit 2; }
dir=$(mkdir -p "$1" && cd "$1" && pwd)
shift
with_mgr=0
timeout=90
while [ $# -gt 0 ]; do
    case "$1" in
        --mgr) with_mgr=1 ;;
        --timeout) timeout=$2; shift ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
    shift
done
for tool in ceph-mon ceph-osd radosgw radosgw-admin ceph monmaptool redis-server nginx node curl; do
    command -v "$tool" >/dev/null || { echo "missing $tool: run scripts/cluster/setup-debian.sh" >&2; exit 1; }
done
[ -d "$top/server/node_modules/@tus/s3-store" ] || { echo "run: cd server && npm ci" >&2; exit 1; }
if [ -s "$dir/pids" ]; then
    echo "$dir already holds a cluster (pids); stop it first: scripts/cluster/stop.sh $dir" >&2
    exit 1
fi

started_at=$(date +%s.%N)
deadline=$(( $(date +%s) + timeout ))
rm -rf "$dir"/{ceph,redis,nginx,endpoint-1,endpoint-2,keys,log,commands}
mkdir -p "$dir"/{ceph/run,ceph/mon,ceph/osd,redis,nginx,log,keys}
: > "$dir/pids"

# A failed start leaves nothing running.
on_error() {
    echo "cluster start failed; logs in $dir/log and $dir/ceph/run" >&2
    "$here/stop.sh" "$dir" --keep >/dev/null 2>&1 || true
}
trap on_error ERR

# Each daemon runs in its own session (setsid), so signals to the caller's process group do
# not reach it; stop.sh stops it by pid.
# Records "name pid" so stop.sh (and the fault tests) can find each process.
remember() { echo "$1 $2" >> "$dir/pids"; }
# launch NAME COMMAND...: runs a daemon in its own session with its output in log/NAME.out and
# keeps the command in commands/NAME, so restart.sh can start it again the same way.
launch() {
    local name=$1
    shift
    mkdir -p "$dir/commands"
    printf '%q ' "$@" > "$dir/commands/$name"
    setsid "$@" </dev/null >>"$dir/log/$name.out" 2>&1 &
    remember "$name" $!
}

# Waits until "$@" succeeds or the start deadline passes.
stage() { printf '  %5.1fs %s\n' "$(python3 -c "import time; print(time.time() - $started_at)")" "$1"; }
wait_for() {
    local what=$1
    shift
    until "$@" >/dev/null 2>&1; do
        if [ "$(date +%s)" -ge "$deadline" ]; then
            echo "timed out waiting for $what" >&2
            return 1
        fi
        sleep 0.2
    done
}

free_ports() { python3 "$here/free_ports.py" "$1"; }
read -r mon_port rgw_port redis_port ep1_port ep2_port lb_port < <(free_ports 6)

fsid=$(python3 -c 'import uuid; print(uuid.uuid4())')
conf="$dir/ceph/ceph.conf"
sed -e "s|@FSID@|$fsid|g" -e "s|@DIR@|$dir/ceph|g" -e "s|@MON_PORT@|$mon_port|g" \
    -e "s|@RGW_PORT@|$rgw_port|g" "$here/ceph.conf.in" > "$conf"
ceph_cli() { timeout 30 ceph -c "$conf" "$@"; }
s3="http://127.0.0.1:$rgw_port"
bucket=amicus
cat > "$dir/cluster.env" <<EOF
CLUSTER_DIR=$dir
CEPH_CONF=$conf
S3_ENDPOINT=$s3
S3_BUCKET=$bucket
S3_CREDENTIALS=$dir/s3-credentials
REDIS_URL=redis://127.0.0.1:$redis_port
REDIS_PORT=$redis_port
ENDPOINT_1_PORT=$ep1_port
ENDPOINT_2_PORT=$ep2_port
ENDPOINT_1=http://127.0.0.1:$ep1_port
ENDPOINT_2=http://127.0.0.1:$ep2_port
ENDPOINT_URL=http://127.0.0.1:$lb_port
EOF

# --- Ceph monitor
monmaptool --create --clobber --fsid "$fsid" --addv a "[v2:127.0.0.1:$mon_port]" "$dir/ceph/monmap" >/dev/null
ceph-mon -c "$conf" -i a --mkfs --monmap "$dir/ceph/monmap" >"$dir/log/mon-mkfs.log" 2>&1
launch ceph-mon ceph-mon -c "$conf" -i a -f
wait_for "the Ceph monitor" ceph_cli mon stat
stage "monitor up"

if [ $with_mgr = 1 ]; then
    mkdir -p "$dir/ceph/mgr/ceph-x"
    launch ceph-mgr ceph-mgr -c "$conf" -i x -f
fi

# --- One OSD on memstore (the objects live in its memory: this is a test cluster)
osd_uuid=$(python3 -c 'import uuid; print(uuid.uuid4())')
osd_id=$(ceph_cli osd new "$osd_uuid")
mkdir -p "$dir/ceph/osd/ceph-$osd_id"
ceph-osd -c "$conf" -i "$osd_id" --mkfs --osd-uuid "$osd_uuid" >"$dir/log/osd-mkfs.log" 2>&1
launch ceph-osd ceph-osd -c "$conf" -i "$osd_id" -f
wait_for "the OSD to come up" sh -c "ceph -c '$conf' osd stat -f json | grep -q '\"num_up_osds\":1'"
stage "OSD up"

# RGW's pools made up front (one placement group each): its first requests are then fast.
pool_jobs=()
for pool in .rgw.root default.rgw.control default.rgw.meta default.rgw.log \
    default.rgw.buckets.index default.rgw.buckets.data default.rgw.buckets.non-ec; do
    (ceph_cli osd pool create "$pool" 1 1 && ceph_cli osd pool application enable "$pool" rgw) \
        >>"$dir/log/pools.log" 2>&1 &
    pool_jobs+=($!)
done
wait "${pool_jobs[@]}"

# --- radosgw, S3 on loopback
launch radosgw radosgw -c "$conf" -n client.rgw.a -f
wait_for "radosgw" curl -fsS -o /dev/null "$s3/"
stage "radosgw answers"

access_key=$(python3 -c 'import secrets; print("AK" + secrets.token_hex(9).upper())')
secret_key=$(python3 -c 'import secrets; print(secrets.token_urlsafe(30))')
timeout 30 radosgw-admin -c "$conf" user create --uid amicus --display-name "Amicus endpoint" \
    --access-key "$access_key" --secret-key "$secret_key" >/dev/null 2>"$dir/log/radosgw-admin.log"
# Credentials go to a file (mode 0600), never on a command line.
umask 077
cat > "$dir/s3-credentials" <<EOF
AWS_ACCESS_KEY_ID=$access_key
AWS_SECRET_ACCESS_KEY=$secret_key
EOF
umask 022
wait_for "the bucket" curl -fsS --max-time 5 -o /dev/null -X PUT --aws-sigv4 "aws:amz:us-east-1:s3" \
    --user "$access_key:$secret_key" -H "x-amz-content-sha256: UNSIGNED-PAYLOAD" "$s3/$bucket"
stage "bucket made"

# --- Redis, persistent (AOF, fsync every write): the receipt claims survive its restart
launch redis-server redis-server --bind 127.0.0.1 --port "$redis_port" --dir "$dir/redis" --save '' \
    --appendonly yes --appendfsync always --daemonize no --logfile "$dir/log/redis.log"
wait_for "redis" sh -c "redis-cli -p $redis_port ping | grep -q PONG"
stage "redis up"

# --- Two endpoint processes sharing the bucket, Redis and one keys directory
node -e "import('$top/server/src/keys.js').then((k) => k.loadOrCreateReceiptKey(process.argv[1]))" "$dir/keys"
for n in 1 2; do
    port_var="ep${n}_port"
    "$here/endpoint.sh" "$dir" "$n" "${!port_var}"
done
stage "endpoints listening"

# --- nginx in front: round-robin, no buffering, long timeouts (docs/secretariat.md)
mkdir -p "$dir/nginx/tmp"
sed -e "s|@DIR@|$dir/nginx|g" -e "s|@LB_PORT@|$lb_port|g" -e "s|@EP1_PORT@|$ep1_port|g" \
    -e "s|@EP2_PORT@|$ep2_port|g" "$here/nginx.conf.in" > "$dir/nginx/nginx.conf"
launch nginx nginx -c "$dir/nginx/nginx.conf" -p "$dir/nginx" -g 'daemon off;'
wait_for "nginx" sh -c "curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:$lb_port/nowhere | grep -q 404"

echo "RECEIPT_PUBLIC_KEY=$(cat "$dir/endpoint-1/public-key")" >> "$dir/cluster.env"
trap - ERR
seconds=$(python3 -c "import time; print(f'{time.time() - $started_at:.1f}')")
echo "cluster started in ${seconds}s under $dir:"
while read -r name pid; do printf '  %-13s pid %s\n' "$name" "$pid"; done < "$dir/pids"
echo "  S3 (radosgw)  $s3  bucket $bucket, credentials in $dir/s3-credentials"
echo "  redis         redis://127.0.0.1:$redis_port"
echo "  endpoints     http://127.0.0.1:$ep1_port  http://127.0.0.1:$ep2_port"
echo "  nginx         http://127.0.0.1:$lb_port   <- point clients here"
echo "stop with: scripts/cluster/stop.sh $dir"
