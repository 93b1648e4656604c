// The mock phone: shows the SMS the mock CoWIN "sent" to a number (GET HOST/__dev__/sms, mock mode
// only). It stands in for the beneficiary's real phone in the demo.
const panel = document.querySelector('aside.phone');
if (panel) {
  const host = panel.dataset.host;
  panel.setAttribute('aria-labelledby', 'phone-title');
  panel.innerHTML = `
    <h2 id="phone-title">Mock phone <small>(not a real SMS)</small></h2>
    <label>Mobile number <input class="phone-mobile" inputmode="numeric" autocomplete="off" placeholder="9876543210" /></label>
    <ol class="phone-inbox" aria-live="polite"></ol>`;
  const input = panel.querySelector('.phone-mobile');
  const inbox = panel.querySelector('.phone-inbox');
  let shown = '';

  async function refresh() {
    const mobile = input.value.replace(/\D/g, '');
    if (mobile.length !== 10) return;
    try {
      const response = await fetch(`${host}/__dev__/sms?mobile=${mobile}`);
      if (!response.ok) return;
      const messages = await response.json();
      const key = JSON.stringify(messages);
      if (key === shown) return;
      shown = key;
      inbox.replaceChildren(
        ...messages
          .slice()
          .reverse()
          .map((sms) => {
            const item = document.createElement('li');
            const time = document.createElement('time');
            time.dateTime = sms.sent_at;
            time.textContent = new Date(sms.sent_at).toLocaleTimeString();
            item.append(time, ' ', sms.text);
            return item;
          }),
      );
    } catch {
      // The host may be restarting; the next tick tries again.
    }
  }

  input.addEventListener('input', () => {
    shown = '';
    inbox.replaceChildren();
    refresh();
  });
  setInterval(refresh, 2000);
}
