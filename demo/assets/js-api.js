// Drives KYCVS.render from a few controls and logs what the handle reports.
const controls = document.querySelector('.js-api-controls');
const log = document.querySelector('.js-api-log');
let handle;

function note(label, value) {
  const item = document.createElement('li');
  const strong = document.createElement('strong');
  strong.textContent = label;
  const code = document.createElement('code');
  code.textContent = JSON.stringify(value);
  item.append(strong, ' ', code);
  log.append(item);
}

controls.addEventListener('click', (event) => {
  const action = event.target.closest('button')?.dataset.action;
  if (action === 'render') {
    handle = window.KYCVS.render('#slot', {
      provider: controls.elements.provider.value,
      lang: controls.elements.lang.value,
      onResult: (result) => note('onResult', result),
      onError: (error) => note('onError', error),
      onEvent: (e) => note('onEvent', e),
    });
    handle.result.then(
      (result) => note('handle.result resolved', { status: result.status }),
      (error) => note('handle.result rejected', { code: error.code }),
    );
  } else if (action === 'reset') {
    handle?.reset();
  } else if (action === 'destroy') {
    handle?.destroy();
    handle = undefined;
  }
});
