namespace SocialPrescribing.Host.Tenants;

/// <summary>One entry of <c>Tenants:{tenant}:Supervisors</c>.</summary>
public sealed class SupervisorOptions
{
    /// <summary>The user id the supervisor acts under (their <c>X-Actor</c>). Required.</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>The name shown on notifications. Required.</summary>
    public string DisplayName { get; set; } = string.Empty;

    /// <summary>Where e-mail channels send alerts. Optional.</summary>
    public string? Email { get; set; }
}
