// Keeps a form's fields ([data-draft="name"]) in localStorage while typing, so that a reload, a lost connection or a
// server restart loses nothing. The listener runs in the browser alone, so it keeps saving while the circuit is down.
const prefix = 'moviegpt-draft:';

function save(root) {
    const values = {};
    let written = false;
    for (const field of root.querySelectorAll('[data-draft]')) {
        // A radio group (the 별점) is its checked radio's value; a checkbox is 'true' or ''.
        if (field.type === 'radio' && !field.checked) {
            continue;
        }
        const value = field.type === 'checkbox' ? (field.checked ? 'true' : '') : field.value;
        values[field.dataset.draft] = value;
        written ||= value.trim() !== '';
    }
    try {
        if (written) {
            localStorage.setItem(prefix + root.dataset.draftKey, JSON.stringify(values));
        } else {
            localStorage.removeItem(prefix + root.dataset.draftKey);
        }
    } catch {
        // Storage may be full or blocked: the form still works, only without a draft.
    }
}

export function watch(root, key) {
    const fresh = !root.dataset.draftKey;
    root.dataset.draftKey = key;
    if (fresh) {
        root.addEventListener('input', () => save(root));
        root.addEventListener('change', () => save(root));
    }
}

export function load(key) {
    try {
        const text = localStorage.getItem(prefix + key);
        return text ? JSON.parse(text) : null;
    } catch {
        return null;
    }
}

export function clear(key) {
    try {
        localStorage.removeItem(prefix + key);
    } catch {
        // Nothing was stored, then.
    }
}
