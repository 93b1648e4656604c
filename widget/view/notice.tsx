/** A plain message in place of the form: a refusal, or a frame that could not start. */
export function Notice({ heading, text }: { heading?: string; text: string }) {
  return (
    <main class="kycvs">
      <section class="step notice">
        {heading ? <h1>{heading}</h1> : null}
        <p>{text}</p>
      </section>
    </main>
  );
}
