// Drives the Korean reconnect banner (Components/Layout/ReconnectBanner.razor). Blazor toggles its classes and raises
// "components-reconnect-state-changed" on it; the banner does not block the page, so typing goes on (and into the
// drafts, js/drafts.js) while the connection is down.
const banner = document.getElementById('components-reconnect-modal');

if (banner) {
    banner.addEventListener('components-reconnect-state-changed', event => {
        const state = event.detail.state;
        if (state === 'rejected' || (state === 'resume-failed' && event.detail.remote === true)) {
            // The server no longer knows this page (it restarted): load it again; the drafts come back with it.
            location.reload();
        } else if (state === 'failed') {
            document.addEventListener('visibilitychange', retryWhenVisible);
        } else if (state === 'hide') {
            resync();
        }
    });
    document.getElementById('components-reconnect-button')?.addEventListener('click', retry);
    document.getElementById('components-resume-button')?.addEventListener('click', resume);
    document.getElementById('components-reload-button')?.addEventListener('click', () => location.reload());
}

// What was typed while the circuit was down never reached the server: send the fields' values again.
function resync() {
    for (const field of document.querySelectorAll('[data-draft]')) {
        field.dispatchEvent(new Event('input', { bubbles: true }));
        field.dispatchEvent(new Event('change', { bubbles: true }));
    }
}

async function retry() {
    document.removeEventListener('visibilitychange', retryWhenVisible);
    try {
        // true: reconnected; false: the server answered but no longer has this circuit; throws: still unreachable.
        if (!await Blazor.reconnect() && !await Blazor.resumeCircuit()) {
            location.reload();
        }
    } catch {
        document.addEventListener('visibilitychange', retryWhenVisible);
    }
}

async function resume() {
    try {
        if (!await Blazor.resumeCircuit()) {
            location.reload();
        }
    } catch {
        location.reload();
    }
}

async function retryWhenVisible() {
    if (document.visibilityState === 'visible') {
        await retry();
    }
}
