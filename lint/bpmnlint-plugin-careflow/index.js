// careflow's own model rules. `plugin:careflow/recommended` in .bpmnlintrc turns them all on;
// each rule file says which careflow rule it enforces and why.
const rules = {
  'user-task-form': './rules/user-task-form',
  'guarded-step-deadline': './rules/guarded-step-deadline',
  'clock-step-deadline': './rules/clock-step-deadline',
  'element-template-exists': './rules/element-template-exists',
  'history-time-to-live': './rules/history-time-to-live',
  'called-process-exists': './rules/called-process-exists'
};

module.exports = {
  rules,
  configs: {
    recommended: {
      rules: Object.fromEntries(Object.keys(rules).map(name => [ name, 'error' ]))
    }
  }
};
