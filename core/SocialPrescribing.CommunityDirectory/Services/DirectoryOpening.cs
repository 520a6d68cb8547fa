namespace SocialPrescribing.CommunityDirectory.Services;

/// <summary>A weekly time a service meets: a day, from a time to a later one.</summary>
public sealed record DirectoryOpening(DayOfWeek Day, TimeOnly Opens, TimeOnly Closes);
