namespace SocialPrescribing.Abstractions.Transport;

/// <summary>What the vehicle and driver must provide for the person to travel safely.</summary>
public sealed record MobilityNeeds
{
    /// <summary>No particular needs.</summary>
    public static MobilityNeeds None { get; } = new();

    /// <summary>Whether the person travels with a wheelchair, and whether they stay in it.</summary>
    public WheelchairUse Wheelchair { get; init; } = WheelchairUse.None;

    /// <summary>The person uses a walker, cane or crutches that must travel with them.</summary>
    public bool WalkingAid { get; init; }

    /// <summary>The person travels with a service animal.</summary>
    public bool ServiceAnimal { get; init; }

    /// <summary>Escorts (caregiver, support worker, interpreter) travelling with the person; 0 when none.</summary>
    public int Escorts { get; init; }

    /// <summary>The driver must help the person from their door to the vehicle and into the destination.</summary>
    public bool DoorToDoorAssistance { get; init; }

    /// <summary>Anything else the driver must know, in plain words, or null.</summary>
    public string? Notes { get; init; }
}
