// The dark-mode toggle's only JavaScript: read and remember the theme.
const key = 'moviegpt-theme';

export function getTheme() {
    return document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light';
}

export function setTheme(theme) {
    document.documentElement.dataset.theme = theme;
    try { localStorage.setItem(key, theme); } catch (e) { /* storage may be blocked */ }
}
