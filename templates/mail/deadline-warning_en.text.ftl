The ${step} deadline of a ${channel} contact is close: due ${dueAt} (${target} of working time).
${subject}

<#list tasks as task>
- ${task.name} (${task.assignee}): ${task.url}
</#list>

careflow
