// The RSVP page (src/invitations/rsvp-page.ts): small conveniences over a form that works without them.
'use strict';

const form = document.getElementById('answer-form');
if (form instanceof HTMLFormElement) {
  // A refusal names nobody: hide the people and the new attendee while "Tidak hadir" is chosen.
  const attendeeSections = form.querySelectorAll('[data-attendees]');
  const showAttendees = () => {
    const declined = form.querySelector('input[name="status"][value="DECLINED"]')?.checked === true;
    for (const section of attendeeSections) section.hidden = declined;
  };
  form.addEventListener('change', (event) => {
    const target = event.target;
    if (target instanceof HTMLInputElement && target.name === 'status') showAttendees();
    // Marking someone as a delegate means they come: tick them too.
    if (target instanceof HTMLInputElement && target.name === 'delegate' && target.checked) {
      const attendee = form.querySelector(`input[name="attendee"][value="${CSS.escape(target.value)}"]`);
      if (attendee instanceof HTMLInputElement) attendee.checked = true;
    }
  });
  showAttendees();
}
