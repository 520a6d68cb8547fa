using SocialPrescribing.Domain.Journeys.Privacy;

namespace SocialPrescribing.Host.Features.Consent;

/// <summary>How the person wants to be contacted; empty channels or times mean no preference.</summary>
internal sealed record ContactPreferencesResponse(IReadOnlyList<ContactChannel> Channels, IReadOnlyList<DayPart> Times, bool DoNotContact);
