namespace Contoso.Notify;

/// <summary>
/// The message Contoso Notify pages with: codes and ids only, like the notification it comes from, so the paging
/// service never holds the person's name or answers.
/// </summary>
/// <param name="Event">Always <c>safety-alert</c>.</param>
/// <param name="Tenant">The program.</param>
/// <param name="AlertId">The alert; the same alert sent again has the same id.</param>
/// <param name="JourneyId">The journey the alert is on.</param>
/// <param name="Flag">What raised it, for example <c>self-harm-risk</c>.</param>
/// <param name="Instrument">The instrument whose answers raised it, for example <c>phq9</c>.</param>
/// <param name="RaisedAt">When it was raised.</param>
/// <param name="Link">The journey in the program, absolute when the tenant set a <c>HostUrl</c>.</param>
/// <param name="Recipients">The supervisors to page.</param>
public sealed record Page(
    string Event,
    string Tenant,
    Guid AlertId,
    Guid JourneyId,
    string Flag,
    string Instrument,
    DateTimeOffset RaisedAt,
    string Link,
    IReadOnlyList<PageRecipient> Recipients);
