namespace SocialPrescribing.Host.Features.Assessments;

internal sealed record LicenceResponse(string ItemTextUse, string Notice, bool ItemTextIncluded);
