using SocialPrescribing.Domain.Journeys;

namespace SocialPrescribing.Domain.Tests.Support;

/// <summary>
/// One randomly chosen command with its random payload: which community referral it aims at (-1 for one
/// that does not exist) or, for a reassignment, which link worker (-1 for the one already assigned); the
/// status it asks for; how long after the previous step it is sent; and for a follow-up how many days from
/// the local today it is due (negative is in the past).
/// </summary>
public sealed record JourneyStep(string Command, int Pick, CommunityReferralStatus Status, int MinutesLater, int DueInDays);
