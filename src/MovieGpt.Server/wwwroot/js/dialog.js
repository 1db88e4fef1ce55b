// Shows a <dialog> as a true modal: the page behind it is inert, Tab cycles through the dialog's own controls (the
// browser alone would let focus leave for its address bar), Escape raises "cancel" (the component decides) and
// closing gives focus back to the control that opened it.
const openers = new WeakMap();
const focusable = 'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

function trapTab(event) {
    if (event.key !== 'Tab') {
        return;
    }
    const controls = [...event.currentTarget.querySelectorAll(focusable)];
    if (controls.length === 0) {
        event.preventDefault();
        return;
    }
    const first = controls[0];
    const last = controls[controls.length - 1];
    if (event.shiftKey && document.activeElement === first) {
        event.preventDefault();
        last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
        event.preventDefault();
        first.focus();
    }
}

export function open(dialog) {
    if (dialog.open) {
        return;
    }
    openers.set(dialog, document.activeElement);
    if (!dialog.dataset.modalReady) {
        dialog.dataset.modalReady = 'true';
        dialog.addEventListener('keydown', trapTab);
        // A click on the backdrop lands on the dialog element itself: treat it as Escape.
        dialog.addEventListener('click', event => {
            if (event.target === dialog) {
                dialog.dispatchEvent(new Event('cancel', { cancelable: true }));
            }
        });
    }
    dialog.showModal();
}

export function close(dialog) {
    if (!dialog.open) {
        return;
    }
    dialog.close();
    const opener = openers.get(dialog);
    openers.delete(dialog);
    if (opener instanceof HTMLElement && opener.isConnected) {
        opener.focus();
    }
}
