// Journal panel front end. Replaced by the full panel in the journal issue.
document.body.dataset.ready = 'true';
