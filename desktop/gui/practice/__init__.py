"""The practice-wide screens the owner and the front desk share."""
