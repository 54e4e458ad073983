The ${step} deadline of a ${channel} contact has passed: it was due ${dueAt} (${target} of working time). The task is now offered to the team leads too.
${subject}

<#list tasks as task>
- ${task.name} (${task.assignee}): ${task.url}
</#list>

careflow
