// Forms rendered without a circuit (로그인, 가입하기) post a whole page: a second click before the answer posts
// again, spending a second try of the rate-limit budget, or failing its anti-forgery check once the first post's
// sign-in cookie is set.
// The first submit of a form marked data-submit-once disables its buttons and drops any later submit. Listening on
// the document covers forms that enhanced navigation puts on the page after this module ran.
const marker = 'submitOnce';

document.addEventListener('submit', event => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.hasAttribute('data-submit-once')) {
        return;
    }
    if (form.dataset[marker] === 'sent') {
        event.preventDefault();
        return;
    }
    form.dataset[marker] = 'sent';
    // After the event, so that the clicked button still counts as the submitter.
    setTimeout(() => {
        for (const button of form.querySelectorAll('button[type=submit], button:not([type])')) {
            button.disabled = true;
        }
    });
});

// Back to a page kept in the back-forward cache: its form was sent, but is usable again.
window.addEventListener('pageshow', event => {
    if (!event.persisted) {
        return;
    }
    for (const form of document.querySelectorAll('form[data-submit-once]')) {
        if (form.dataset[marker] === 'sent') {
            delete form.dataset[marker];
            for (const button of form.querySelectorAll('button[type=submit], button:not([type])')) {
                button.disabled = false;
            }
        }
    }
});
