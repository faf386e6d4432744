# shellcheck shell=bash
# Sourced by scripts/test.sh: a CUPS print queue the printing tests print to, the cups-pdf
# virtual printer (VIPDesk_PDF), whose "paper" is a PDF in /var/spool/vipdesk-pdf. Idempotent
# and quick once done: installs cups and printer-driver-cups-pdf when missing (as root or with
# passwordless sudo, where apt-get exists), starts cupsd when it is not running (containers
# have no init to start it), adds the queue when it is missing. Without root it only says what
# is missing; the printing tests then skip outside CI and fail under CI=true.
# VIPDESK_SKIP_CUPS=1 skips all of it.

VIPDESK_CUPS_QUEUE="${VIPDESK_CUPS_QUEUE:-VIPDesk_PDF}"
VIPDESK_CUPS_OUT="${VIPDESK_CUPS_OUT:-/var/spool/vipdesk-pdf}"

vipdesk_cups_queue() {
    [[ "${VIPDESK_SKIP_CUPS:-0}" == 1 ]] && return 0
    local sudo=()
    if [[ "$(id -u)" != 0 ]]; then
        if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
            sudo=(sudo -n)
        else
            command -v lp >/dev/null 2>&1 || vipdesk_say "warning: no CUPS: the printing tests skip" \
                "(install: sudo apt-get install cups printer-driver-cups-pdf)"
            return 0
        fi
    fi
    if ! [[ -x /usr/lib/cups/backend/cups-pdf ]] && command -v apt-get >/dev/null 2>&1; then
        vipdesk_say "installing cups and printer-driver-cups-pdf (the printing tests' virtual printer)"
        "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
        "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
            apt-get install -y -qq --no-install-recommends cups printer-driver-cups-pdf >/dev/null
    fi
    command -v cupsd >/dev/null 2>&1 || return 0
    if ! lpstat -r 2>/dev/null | grep -q "is running"; then
        vipdesk_say "starting cupsd"
        "${sudo[@]}" cupsd
        local tries
        for tries in 1 2 3 4 5 6 7 8 9 10; do
            lpstat -r 2>/dev/null | grep -q "is running" && break
            sleep 0.5
        done
    fi
    if ! lpstat -p "$VIPDESK_CUPS_QUEUE" >/dev/null 2>&1; then
        vipdesk_say "adding the CUPS queue $VIPDESK_CUPS_QUEUE (cups-pdf, into $VIPDESK_CUPS_OUT)"
        "${sudo[@]}" mkdir -p "$VIPDESK_CUPS_OUT"
        "${sudo[@]}" chmod 1777 "$VIPDESK_CUPS_OUT"
        printf 'Out %s\nLabel 1\n' "$VIPDESK_CUPS_OUT" | "${sudo[@]}" tee "/etc/cups/cups-pdf-$VIPDESK_CUPS_QUEUE.conf" >/dev/null
        # cups-pdf takes PostScript; pdftocairo's PostScript keeps the text's Unicode mapping,
        # so the printed PDF's text can be read back (poppler's pdftops loses it).
        "${sudo[@]}" lpadmin -p "$VIPDESK_CUPS_QUEUE" -E -v "cups-pdf:/$VIPDESK_CUPS_QUEUE" \
            -P /usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd -o pdftops-renderer-default=pdftocairo 2>/dev/null
    fi
    export VIPDESK_CUPS_QUEUE VIPDESK_CUPS_OUT
}

vipdesk_cups_queue
