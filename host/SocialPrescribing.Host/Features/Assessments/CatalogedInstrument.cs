using SocialPrescribing.Abstractions.Assessments;

namespace SocialPrescribing.Host.Features.Assessments;

/// <summary>An instrument in a tenant's catalogue, and where it comes from: <c>built-in</c> or a plugin id.</summary>
public sealed record CatalogedInstrument(IAssessmentInstrument Instrument, string Source);
