namespace SocialPrescribing.Documents;

/// <summary>What a community program's directory record says of it, in the document's language; each part null when it says nothing.</summary>
/// <param name="Description">What it is.</param>
/// <param name="Where">The place: its name and address.</param>
/// <param name="When">When it meets, like <c>Tuesday 10:00–12:00</c>.</param>
/// <param name="Cost">Free, or its fees.</param>
/// <param name="Contact">Whom to call or write to: a phone number, an e-mail address.</param>
public sealed record DocumentProgramDetails(string? Description, string? Where, string? When, string? Cost, string? Contact);

/// <summary>A trip booked for the person, in words.</summary>
/// <param name="Pickup">When they are picked up, like <c>Tuesday, May 6, 2026, 1:00 p.m. to 1:30 p.m.</c>.</param>
/// <param name="Destination">Where to.</param>
/// <param name="Status">Requested or confirmed, in words.</param>
public sealed record DocumentTrip(string Pickup, string Destination, string Status);

/// <summary>How the journey ended.</summary>
/// <param name="ClosedOn">The date, in words.</param>
/// <param name="Outcome">Discharged, declined or could not be reached, in words.</param>
/// <param name="Reason">The reason recorded.</param>
/// <param name="Early">True when the journey closed before a plan was completed (declined, not reached, or discharged with no program connected).</param>
public sealed record DocumentClosure(string ClosedOn, string Outcome, string Reason, bool Early);

/// <summary>One measure's change from the first assessment to the last.</summary>
/// <param name="Instrument">The instrument, like <c>PHQ-9</c>.</param>
/// <param name="Baseline">The first score with its band, like <c>14 (moderate)</c>.</param>
/// <param name="Latest">The last score with its band.</param>
/// <param name="Change">The difference, signed, like <c>−8</c>.</param>
public sealed record DocumentOutcome(string Instrument, string Baseline, string Latest, string Change);
