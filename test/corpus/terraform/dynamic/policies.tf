data "aws_iam_policy_document" "trust" {
  dynamic "statement" {
    for_each = var.trusted_principals

    content {
      sid     = "Trust${statement.value.type}${statement.key}"
      effect  = "Allow"
      actions = statement.value.actions

      principals {
        type        = statement.value.type
        identifiers = statement.value.identifiers
      }

      dynamic "condition" {
        for_each = var.trust_conditions

        content {
          test     = condition.value.test
          variable = condition.value.variable
          values   = condition.value.values
        }
      }
    }
  }
}

data "aws_iam_policy_document" "permissions" {
  source_policy_documents   = var.source_documents
  override_policy_documents = var.override_documents

  dynamic "statement" {
    for_each = var.policy_statements

    content {
      sid           = statement.value.sid
      effect        = statement.value.effect
      actions       = statement.value.actions
      not_actions   = statement.value.not_actions
      resources     = statement.value.resources
      not_resources = statement.value.not_resources

      dynamic "condition" {
        for_each = statement.value.conditions

        content {
          test     = condition.value.test
          variable = condition.value.variable
          values   = condition.value.values
        }
      }
    }
  }
}

data "aws_iam_policy_document" "resource" {
  dynamic "statement" {
    for_each = length(var.resource_policy_actions) > 0 ? var.resource_policy_principals : []
    iterator = principal

    content {
      sid       = "Grant${principal.key}"
      effect    = "Allow"
      actions   = var.resource_policy_actions
      resources = var.resource_policy_resources

      principals {
        type        = principal.value.type
        identifiers = principal.value.identifiers
      }
    }
  }
}
