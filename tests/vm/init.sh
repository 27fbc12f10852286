#!/bin/sh
# SPDX-License-Identifier: MIT
# /init of the wasock test VM (packed by tests/vm/mkinitrd.js, booted by tests/vm/run.js).
#
# Loads the modules in /modules.list, mounts the host root read-only (9p tag "host") at
# /host and the per-run results directory (9p tag "out", writable) at /out, reads
# /out/job.env (WASOCK_PROJECT, WASOCK_OUT: host paths), makes the chroot usable (proc,
# sys, dev, tmpfs on /tmp /run /var/tmp with the project and results directories bound
# back at their host paths), brings up lo, vcan0, vcan1 and a vhci Bluetooth controller,
# then runs /out/cmd.sh in `chroot /host` and writes into /out:
#   stdout, stderr   the command's output
#   status           its exit status (written last: its presence means the run finished)
#   modules.txt      one line per module: name ok|FAIL [message]
#   setup.txt        one line per set-up step that failed (empty when all went well)
#   times            kernel uptime (s) when the command started and ended
# and prints one line "WASOCK-VM status=N ..." on the serial console before powering off.
/bin/busybox mkdir -p /proc /sys /dev /usr/bin /usr/sbin
/bin/busybox mount -t proc proc /proc
/bin/busybox --install -s
export PATH=/bin:/sbin:/usr/bin:/usr/sbin
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev 2>/dev/null

say() { echo "wasock-vm: $*" > /dev/console; }
SETUP=/tmp/setup.txt
: > "$SETUP"
problem() { echo "$*" >> "$SETUP"; say "$*"; }
die() { say "FATAL: $*"; echo "WASOCK-VM status=fatal reason=$*" > /dev/console; poweroff -f; sleep 5; }

# --- modules, in dependency order -------------------------------------------------
MODS=/tmp/modules.txt
: > "$MODS"
nok=0; nfail=0
while read -r name file params; do
  [ -n "$name" ] || continue
  # shellcheck disable=SC2086 # params are word-split on purpose
  if err=$(insmod "/lib/modules/$file" $params 2>&1); then
    echo "$name ok" >> "$MODS"; nok=$((nok + 1))
  else
    echo "$name FAIL $err" | tr '\n' ' ' >> "$MODS"; echo >> "$MODS"; nfail=$((nfail + 1))
  fi
done < /modules.list

# --- the two 9p shares ------------------------------------------------------------
mount9p() { # tag dir options
  i=0
  while ! mount -t 9p -o "trans=virtio,version=9p2000.L,$3" "$1" "$2" 2>/dev/null; do
    i=$((i + 1)); [ $i -ge 50 ] && return 1; sleep 0.1
  done
}
mount9p host /host "ro,msize=512000,cache=loose" || mount9p host /host "ro" || die "cannot mount the host root (9p tag host)"
mount9p out /out "msize=512000" || mount9p out /out "" || die "cannot mount the results share (9p tag out)"
[ -f /out/job.env ] || die "no /out/job.env"
. /out/job.env
[ -n "$WASOCK_OUT" ] || die "job.env sets no WASOCK_OUT"

# Keep a handle on the project directory before tmpfs may hide it (it can live under
# /tmp, e.g. a fresh CI clone).
if [ -n "$WASOCK_PROJECT" ]; then
  mount --bind "/host$WASOCK_PROJECT" /mnt/project || problem "cannot bind the project dir $WASOCK_PROJECT"
fi

# --- the chroot -------------------------------------------------------------------
mount -t proc proc /host/proc || problem "mount proc in chroot failed"
mount -t sysfs sysfs /host/sys || problem "mount sysfs in chroot failed"
mount -t devtmpfs devtmpfs /host/dev || problem "mount devtmpfs in chroot failed"
mkdir -p /host/dev/pts /host/dev/shm
mount -t devpts -o newinstance,ptmxmode=0666 devpts /host/dev/pts || problem "mount devpts failed"
mount -t tmpfs -o mode=1777 tmpfs /host/dev/shm
for d in /tmp /run /var/tmp; do
  mount -t tmpfs -o mode=1777,size=512m tmpfs "/host$d" || problem "tmpfs on $d failed"
done
# bind the project and the results directories back at their host paths
if [ -n "$WASOCK_PROJECT" ]; then
  mkdir -p "/host$WASOCK_PROJECT" 2>/dev/null
  mount --bind /mnt/project "/host$WASOCK_PROJECT" || problem "cannot bind the project dir back at $WASOCK_PROJECT"
fi
mkdir -p "/host$WASOCK_OUT" 2>/dev/null
mount --bind /out "/host$WASOCK_OUT" || die "cannot bind the results dir at $WASOCK_OUT"

# --- network: lo, vcan0, vcan1 ----------------------------------------------------
ip link set lo up || problem "lo up failed"
hostname wasock-vm
if [ -d /sys/module/vcan ]; then
  for dev in vcan0 vcan1; do
    if ! chroot /host ip link add dev $dev type vcan 2>/dev/null; then
      ip link add dev $dev type vcan 2>/dev/null || problem "cannot create $dev"
    fi
    ip link set up $dev 2>/dev/null || problem "cannot bring up $dev"
  done
fi

# --- Bluetooth: a virtual controller (hci0) held open by fd 9 ---------------------
if [ -c /dev/vhci ] && command exec 9<>/dev/vhci; then  # `command`: a failed open is not fatal
  i=0
  while [ ! -e /sys/class/bluetooth/hci0 ] && [ $i -lt 40 ]; do sleep 0.1; i=$((i + 1)); done
  [ -e /sys/class/bluetooth/hci0 ] || problem "vhci opened but no hci0 appeared"
fi

cp "$MODS" /out/modules.txt
cp "$SETUP" /out/setup.txt

# --- the command ------------------------------------------------------------------
read -r up _ < /proc/uptime
say "booted in ${up}s, modules ok=$nok failed=$nfail; running the command"
echo "start $up" > /out/times
env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin HOME=/tmp \
  TMPDIR=/tmp LANG=C.UTF-8 TERM=dumb USER=root LOGNAME=root \
  WASOCK_VM=1 WASOCK_VM_OUT="$WASOCK_OUT" WASOCK_VM_KERNEL="$(uname -r)" \
  chroot /host /bin/sh "$WASOCK_OUT/cmd.sh" > /out/stdout 2> /out/stderr 9<&-
rc=$?
read -r up2 _ < /proc/uptime
echo "end $up2" >> /out/times
cp "$SETUP" /out/setup.txt
echo "$rc" > /out/status.tmp && mv /out/status.tmp /out/status
sync
echo "WASOCK-VM status=$rc boot=${up}s command=$(awk "BEGIN{print $up2-$up}")s modules_ok=$nok modules_failed=$nfail" > /dev/console
poweroff -f
sleep 10
